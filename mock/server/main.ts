// `npm run mock`: the mock insurance platform on loopback.
import { buildServer } from './server';
import { isLoopbackOnly, readSettings, SettingsError } from './settings';

async function main() {
  let settings;
  try {
    settings = readSettings();
  } catch (e) {
    if (e instanceof SettingsError) {
      console.error(`[mock platform] ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const { app } = await buildServer({ ...settings, loopbackOnly: isLoopbackOnly(settings.host) });
  await app.listen({ host: settings.host, port: settings.port });
  console.log(
    `[mock platform] http://${settings.host}:${settings.port}/api  profile=${settings.profileId}  db=${settings.dbFile}`,
  );
  // npm start prints the key beside the console address; shown here when it was made up at start.
  if (settings.researchKeyGenerated)
    console.log(
      `[mock platform] researcher console: http://${settings.host}:${settings.port}/research  key: ${settings.researchKey}`,
    );
  const stop = () => app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error('[mock platform] failed to start:', e);
  process.exit(1);
});
