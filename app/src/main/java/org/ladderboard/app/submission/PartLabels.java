package org.ladderboard.app.submission;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a viewer sees the names of a submission's parts. File names often carry a person's name, so a blind viewer
 * (a judge) sees "Part 1", "Part 2", … in upload order instead of every part name, zip path and the upload's own
 * name; the author and organizers see the real names.
 */
public final class PartLabels {

    /** What a blind viewer sees instead of the upload's own file name. */
    public static final String BLIND_UPLOAD = "dataset";

    /** How the validator quotes an archive entry: {@code entry 'name'}. */
    private static final java.util.regex.Pattern IGNORED_ENTRY = java.util.regex.Pattern.compile("entry '[^']*'");

    private final boolean blind;
    /** real name → label, longest real name first so that replacing text never cuts a longer name in two. */
    private final Map<String, String> labels;
    private final List<String> partNames;

    private PartLabels(boolean blind, Map<String, String> labels, List<String> partNames) {
        this.blind = blind;
        this.labels = labels;
        this.partNames = partNames;
    }

    /**
     * @param uploadName the uploaded file's name
     * @param parts      each part's name and file name (its path inside a zip), in upload order
     */
    static PartLabels of(boolean blind, String uploadName, List<String[]> parts) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String label = label(i + 1);
            names.add(blind ? label : parts.get(i)[0]);
            for (String real : parts.get(i)) {
                if (real != null && !real.isBlank()) {
                    byName.putIfAbsent(real, label);
                    // the folders of a zip path can name a person too
                    String[] segments = real.split("/");
                    for (int f = 0; f < segments.length - 1; f++) {
                        if (!segments[f].isBlank()) {
                            byName.putIfAbsent(segments[f], "folder");
                        }
                    }
                }
            }
        }
        if (uploadName != null && !uploadName.isBlank()) {
            byName.putIfAbsent(uploadName, BLIND_UPLOAD);
        }
        Map<String, String> longestFirst = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> longestFirst.put(e.getKey(), e.getValue()));
        return new PartLabels(blind, longestFirst, List.copyOf(names));
    }

    /** The label a blind viewer sees for the part at this 1-based position. */
    public static String label(int position) {
        return "Part " + position;
    }

    public boolean blind() {
        return blind;
    }

    /** The part names this viewer sees, in upload order. */
    public List<String> partNames() {
        return partNames;
    }

    /** A part's name as this viewer sees it. */
    public String name(String realName) {
        if (!blind || realName == null) {
            return realName;
        }
        return labels.getOrDefault(realName, "a part");
    }

    /** A text (a warning, an error message) with every part and file name replaced for a blind viewer. */
    public String scrub(String text) {
        if (!blind || text == null) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        // entries of an archive that are not parts (notes, a README) are named by the validator too
        return IGNORED_ENTRY.matcher(out).replaceAll("entry (name hidden)");
    }
}
