package org.ladderboard.worker;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The worker jar's entry point: {@code java -jar ladderboard-worker.jar [COMMAND] [options]}. The commands share
 * their code with the web app and the worker, so a contestant's local check gives the same answer as the upload
 * page. An unknown or misspelt option is an error that prints the usage, never a silent default.
 */
@Command(name = "ladderboard-worker", mixinStandardHelpOptions = true, version = "Ladderboard worker",
        description = "The scoring worker service and the command-line tools on the same code.",
        subcommands = {WorkerService.class, ValidateCommand.class, ValidationBenchmark.class, ScoreCommand.class,
                BenchCommand.class, VerdictCommand.class},
        footer = {"", "With no command, or options only, the worker service runs ('work').",
                "Task types: classification, classification_acc, sequence_prob, logodds, absolute_logodds."})
public final class WorkerCommand implements Runnable {

    public static void main(String[] args) {
        // everything DJL needs ships in the jar: a misconfiguration must fail, never download
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit status: 0 done, 1 a negative answer (invalid data), 2 a usage error. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        // no command (or options only) runs the worker service
        boolean service = args.length == 0 || (args[0].startsWith("-") && !isHelp(args[0]));
        String[] line = service ? prepend("work", args) : args;
        CommandLine cli = new CommandLine(new WorkerCommand()).setOut(out).setErr(err);
        // a bad value (an unknown task type, a missing file) is the user's to fix: its message and the exit status
        // of a usage error, without a stack trace
        // a usage error names what is wrong, suggests the closest option, and always shows the usage
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.usage(command.getErr());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                command.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                command.getErr().println("error: no such file: " + e.getMessage());
                return 2;
            }
            // a file that cannot be read or parsed, or a model that cannot load: say what and where, no stack trace
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                    || e instanceof tools.jackson.core.JacksonException || e instanceof IllegalStateException) {
                String message = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
                command.getErr().println("error: " + message);
                return 1;
            }
            throw e;
        });
        if (line[0].equals("work")) {
            try {
                WorkerService.useConfigFile(cli.getSubcommands().get("work"), line);
            } catch (CommandLine.ParameterException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
        }
        return cli.execute(line);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "give a command");
    }

    private static boolean isHelp(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
