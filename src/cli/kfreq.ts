import { doctorCommand } from './commands/doctor';
import { runCommand } from './commands/run';
import { signCommand } from './commands/sign';
import { EXIT_OK, EXIT_USAGE, nodeIo, UsageError, type CliCommand, type CliIo } from './io';
import { version } from '../../package.json';

/**
 * `kfreq`: the headless side of the workbench. Each subcommand is a module exporting a
 * CliCommand; adding one is one line in COMMANDS.
 */
const COMMANDS: readonly CliCommand[] = [runCommand, signCommand, doctorCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `kfreq — Kraken Futures REST tools: run .kfreq request files headless (CI), sign, signature doctor

Usage: kfreq <command> [options]

Commands:
${list}

Run 'kfreq <command> --help' for the options of a command.
Credentials: KRAKEN_FUTURES_API_KEY (or 'run --api-key-file <path>'), and KRAKEN_FUTURES_API_SECRET
or --secret-file <path>; never from an argument. The key is shown only as a fingerprint.
Exit status: 0 success, 1 the answer is "no" (a request failed, a signature is wrong), 2 usage error.
`;
}

export async function runKfreq(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? topic.help : mainHelp());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const shown = /^[A-Za-z-]{1,20}$/.test(first) ? `'${first}'` : '(not shown)';
    io.stderr(`kfreq: unknown command ${shown}. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See 'kfreq --help'.\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`kfreq ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

runKfreq(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An unexpected failure: report it briefly, without a stack full of values.
    process.stderr.write(`kfreq: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
