// One prefix for every line the host scripts print, so their progress is easy to tell apart from
// mocha's report and from the workbench's own console noise.
export function log(message) {
  console.log(`[vscode-host] ${message}`);
}

export function warn(message) {
  console.error(`[vscode-host] ${message}`);
}
