package org.ladderboard.app.export;

import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers download what announcing and releasing a round's winners needs, at once or prepared in the background. */
@Controller
class ExportController {

    private final RoundRepository rounds;
    private final Exports exports;
    private final CurrentAccount currentAccount;
    private final ExportJobs jobs;

    ExportController(RoundRepository rounds, Exports exports, CurrentAccount currentAccount, ExportJobs jobs) {
        this.rounds = rounds;
        this.exports = exports;
        this.currentAccount = currentAccount;
        this.jobs = jobs;
    }

    @GetMapping("/organizer/rounds/{id}/export/{what}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id, @PathVariable String what) {
        Round round = round(id);
        if (!Exports.KINDS.contains(what)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        exports.recordDownload(currentAccount.require(), round, what);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Exports.contentType(what)))
                .header("Content-Disposition", "attachment; filename=\"round-" + id + "-" + what + "\"")
                .<StreamingResponseBody>body(out -> exports.write(what, round, out));
    }

    /** Starts an export in the background; the exports page lists it and offers the file when ready. */
    @PostMapping("/organizer/rounds/{id}/exports")
    String startExport(@PathVariable long id, @RequestParam String kind, RedirectAttributes redirect) {
        if (!Exports.KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        long job = jobs.start(round(id), kind, currentAccount.require());
        redirect.addFlashAttribute("message", "export " + job + " (" + kind + ") started");
        return "redirect:/organizer/exports";
    }

    @GetMapping("/organizer/exports")
    String exportsPage(Model model) {
        model.addAttribute("jobs", jobs.latest());
        return "export/exports";
    }

    @GetMapping("/organizer/exports/{job}")
    ResponseEntity<byte[]> download(@PathVariable long job) {
        Object[] file = jobs.file(job).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String kind = (String) file[0];
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Exports.contentType(kind)))
                .header("Content-Disposition", "attachment; filename=\"export-" + job + "-" + kind + "\"").body((byte[]) file[1]);
    }

    private Round round(long id) {
        return rounds.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
