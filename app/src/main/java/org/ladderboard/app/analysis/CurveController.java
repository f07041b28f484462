package org.ladderboard.app.analysis;

import java.util.List;

import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.submission.SubmissionDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A submission's stored scaling curve as a file to download: the SVG the page shows, or a PNG for slides. */
@Controller
class CurveController {

    private final CurveFiles files;
    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;

    CurveController(CurveFiles files, SubmissionDetails details, CurrentAccount currentAccount) {
        this.files = files;
        this.details = details;
        this.currentAccount = currentAccount;
    }

    @GetMapping(path = "/submissions/{id}/curves/{ladder}/{metric}.svg")
    ResponseEntity<String> svg(@PathVariable long id, @PathVariable String ladder, @PathVariable String metric) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .header("Content-Disposition", attachment(id, ladder, metric, "svg"))
                .body(files.svg(curve(id, ladder, metric)));
    }

    @GetMapping(path = "/submissions/{id}/curves/{ladder}/{metric}.png")
    ResponseEntity<byte[]> png(@PathVariable long id, @PathVariable String ladder, @PathVariable String metric) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header("Content-Disposition", attachment(id, ladder, metric, "png"))
                .body(files.png(curve(id, ladder, metric)));
    }

    /** A few-shot sweep's chart (a curve per K) of one ladder and view, as SVG. */
    @GetMapping(path = "/submissions/{id}/curves/{ladder}/{metric}/few-shot.svg")
    ResponseEntity<String> sweepSvg(@PathVariable long id, @PathVariable String ladder, @PathVariable String metric) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .header("Content-Disposition", attachment(id, ladder, metric + "-few-shot", "svg"))
                .body(files.svg(sweep(id, ladder, metric)));
    }

    @GetMapping(path = "/submissions/{id}/curves/{ladder}/{metric}/few-shot.png")
    ResponseEntity<byte[]> sweepPng(@PathVariable long id, @PathVariable String ladder, @PathVariable String metric) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header("Content-Disposition", attachment(id, ladder, metric + "-few-shot", "png"))
                .body(files.png(sweep(id, ladder, metric)));
    }

    private List<CurveChart.Series> sweep(long id, String ladder, String metric) {
        SubmissionDetails.View view = details.find(id, currentAccount.require())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<CurveChart.Series> series = view.ladders().shows(ladder) ? files.sweep(id, ladder, metric) : List.of();
        if (series.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return series;
    }

    /** The curve, if this viewer may see the submission and the ladder and it has one on that metric; else a 404. */
    private ScalingCurve curve(long id, String ladder, String metric) {
        SubmissionDetails.View view = details.find(id, currentAccount.require())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return files.curve(id, view.submission().getTaskType(), ladder, metric, view.ladders())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String attachment(long id, String ladder, String metric, String extension) {
        return "attachment; filename=\"submission-" + id + "-" + ladder + "-" + metric + "." + extension + "\"";
    }
}
