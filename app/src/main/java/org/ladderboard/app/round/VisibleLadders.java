package org.ladderboard.app.round;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ladders' results one viewer may see, as {@link LadderVisibility} decided it: every read path filters what it
 * shows through this (results, curves, verdicts, per-example scores, charts, flips, the leaderboard), and
 * {@link #scrub} takes a private ladder's names out of free text (validation findings, job errors, history notes).
 */
public final class VisibleLadders {

    /** What a private ladder's model is called where free text would name it. */
    public static final String PRIVATE_MODEL = "a private model";
    public static final String PRIVATE_LADDER = "a private ladder";

    private static final VisibleLadders ALL = new VisibleLadders(Map.of());

    /** Private ladder name to its models' names and checkpoints' paths. */
    private final Map<String, List<String>> hidden;
    /** Each name free text could carry, longest first, with the words that replace it. */
    private final List<Map.Entry<Pattern, String>> names;

    VisibleLadders(Map<String, List<String>> hidden) {
        this.hidden = Map.copyOf(hidden);
        Map<String, String> words = new java.util.HashMap<>();
        hidden.forEach((ladder, models) -> {
            models.forEach(m -> words.put(ladder + "/" + m, PRIVATE_MODEL));
            models.forEach(m -> words.putIfAbsent(m, PRIVATE_MODEL));
            words.put(ladder, PRIVATE_LADDER);
        });
        // longest first, so "vault/vault-s" goes before "vault-s" and "vault"
        this.names = words.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .map(e -> Map.entry(Pattern.compile("(?<![\\w.-])" + Pattern.quote(e.getKey()) + "(?![\\w-])"),
                        Matcher.quoteReplacement(e.getValue())))
                .toList();
    }

    /**
     * Every ladder: for organizers' own views that no one else reaches (the exports), and code that never shows
     * results to a viewer.
     */
    public static VisibleLadders all() {
        return ALL;
    }

    public boolean shows(String ladder) {
        return !hidden.containsKey(ladder);
    }

    /** Whether some ladder is private to this viewer. */
    public boolean hidesAny() {
        return !hidden.isEmpty();
    }

    /** The private ladders' names (for counting them, never for showing them). */
    public Set<String> hidden() {
        return hidden.keySet();
    }

    /** Keeps the items on ladders this viewer may see. */
    public <T> List<T> filter(Collection<T> items, Function<T, String> ladderOf) {
        return items.stream().filter(t -> shows(ladderOf.apply(t))).toList();
    }

    /** The text with each private ladder's name and model names replaced by words that name nothing. */
    public String scrub(String text) {
        if (text == null || hidden.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<Pattern, String> name : names) {
            out = name.getKey().matcher(out).replaceAll(name.getValue());
        }
        return out;
    }
}
