package org.ladderboard.worker;

import java.util.Arrays;

/**
 * The worker jar's entry point: {@code java -jar ladderboard-worker.jar SUBCOMMAND …}. The subcommands share their
 * code with the web app and the worker, so a contestant's local check gives the same answer as the upload page.
 */
public final class WorkerCommand {

    private WorkerCommand() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int exit = switch (command) {
            case "validate" -> ValidateCommand.run(CommandLine.parse(rest));
            case "bench-validate" -> ValidationBenchmark.run(CommandLine.parse(rest));
            default -> usage(command);
        };
        System.exit(exit);
    }

    private static int usage(String command) {
        System.err.println("""
                usage: java -jar ladderboard-worker.jar COMMAND [options]

                  validate --data FILE --task-type TYPE [--min-rows N] [--json]
                      check a dataset (.csv, .jsonl or .zip of parts) exactly as the upload page does;
                      exit status 0 when valid, 1 when not
                  bench-validate [--rows 20000] [--row-bytes 750] [--repeat 5]
                      time validation of a generated classification file and print the figures

                task types: classification, classification_acc, sequence_prob, logodds, absolute_logodds""");
        return command.equals("help") || command.equals("--help") ? 0 : 2;
    }
}
