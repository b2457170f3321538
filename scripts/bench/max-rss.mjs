// Loaded with `node --import`: reports the process's peak resident set size when it exits.
process.on('exit', () => process.stderr.write(`bench-max-rss-kb ${process.resourceUsage().maxRSS}\n`));
