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
        // everything DJL needs ships in the jar: a misconfiguration must fail, never download
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        // no subcommand (or only options) runs the worker service
        boolean service = args.length == 0 || args[0].startsWith("--");
        String command = service ? "work" : args[0];
        String[] rest = service ? args : Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (command) {
            case "validate" -> ValidateCommand.run(CommandLine.parse(rest));
            case "bench-validate" -> ValidationBenchmark.run(CommandLine.parse(rest));
            case "work" -> WorkerService.run(CommandLine.parse(rest));
            case "score" -> ScoreCommand.run(CommandLine.parse(rest));
            case "bench" -> BenchCommand.run(CommandLine.parse(rest));
            case "verdict" -> VerdictCommand.run(CommandLine.parse(rest));
            default -> usage(command);
        };
        System.exit(exit);
    }

    private static int usage(String command) {
        System.err.println("""
                usage: java -jar ladderboard-worker.jar [COMMAND] [options]

                  (no command) or work [--ladders FILE] [--threads N] [--device cpu|gpu] [--checkpoint-root DIR]
                      run the scoring worker service on the queue in SPRING_DATASOURCE_URL (see docs/running.md)

                  validate --data FILE --task-type TYPE [--min-rows N] [--json]
                      check a dataset (.csv, .jsonl or .zip of parts) exactly as the upload page does;
                      exit status 0 when valid, 1 when not
                  bench-validate [--rows 20000] [--row-bytes 750] [--repeat 5] [--model DIR]
                      time validation of a generated classification file and print the figures;
                      with --model, the model's tokenizer rules too
                  score --model DIR --data FILE [--task-type T] [--out FILE.jsonl] [--device cpu|gpu] [--batch-tokens N]
                      score every example on a Hugging Face checkpoint directory: one JSON line each, summary on stderr
                  bench --model DIR --data FILE [--device cpu|gpu] [--batch-tokens N[,N...]] [--row-tokens N] [--repeat 3] [--naive-limit N]
                      examples/s, scored tokens/s and FLOP/s of the engine and of the naive way, measured together

                  verdict --in FILE.json [--out FILE.json]
                      the trend-shape verdict of a case {"x", "scores", "higher_is_better", "seed"} or an array of them

                task types: classification, classification_acc, sequence_prob, logodds, absolute_logodds""");
        return command.equals("help") ? 0 : 2;
    }
}
