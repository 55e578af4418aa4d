// Fails fast with a clear message when scripts run on a Node older than Astro 7 / vitest 5 need.
// npm scripts put node_modules/.bin first on PATH, so after `npm install` the pinned `node`
// devDependency (Node 24) is the one that runs them.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This project needs Node >= 22.12 (found ${process.versions.node}).\n` +
      'Run `npm install` first: it installs the pinned Node 24 (devDependency "node"), which npm\n' +
      'scripts then use. Run commands through npm (`npm test`, `npm start`), not with `node` directly.',
  );
  process.exit(1);
}
