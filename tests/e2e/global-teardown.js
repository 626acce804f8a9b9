const fs = require('fs');
const path = require('path');

module.exports = async () => {
  const child = globalThis.__E2E_PLATFORM__;
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
  }
  const runtime = path.join(__dirname, '.runtime.json');
  if (fs.existsSync(runtime)) {
    const { dir } = JSON.parse(fs.readFileSync(runtime, 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(runtime);
  }
};
