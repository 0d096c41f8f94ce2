// Plain JS so jest.config.js can read it before any TypeScript transform exists.
/** The system Chromium (Debian's `chromium` package); override with CHROMIUM_PATH. */
exports.chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
