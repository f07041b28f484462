package org.ladderboard.app.submission;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.validation.Valid;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.analysis.CurvePages;
import org.ladderboard.app.analysis.FlipExplorer;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.scoring.ScoringControl;
import org.ladderboard.app.scoring.ScoringResults;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Controller
class SubmissionController {

    private final SubmissionService service;
    private final SubmissionDetails details;
    private final RoundService rounds;
    private final CurrentAccount currentAccount;
    private final ScoringResults results;
    private final ScoringControl control;
    private final CurvePages curves;
    private final FlipExplorer flips;

    SubmissionController(SubmissionService service, SubmissionDetails details, RoundService rounds,
                         CurrentAccount currentAccount, ScoringResults results, ScoringControl control,
                         CurvePages curves, FlipExplorer flips) {
        this.service = service;
        this.details = details;
        this.rounds = rounds;
        this.currentAccount = currentAccount;
        this.results = results;
        this.control = control;
        this.curves = curves;
        this.flips = flips;
    }

    @GetMapping("/submit")
    String form(Model model) {
        model.addAttribute("form", new SubmissionForm());
        return prepareForm(model);
    }

    @PostMapping("/submit")
    String submit(@Valid @ModelAttribute("form") SubmissionForm form, BindingResult fields,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        // a browser sends an unnamed empty part when no file was chosen; a chosen 0-byte file is validated like any
        // other, so the report says the same as the live check did ("the file is empty")
        boolean noFile = file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
        if (noFile) {
            model.addAttribute("fileError", "choose the dataset file to upload");
        }
        if (fields.hasErrors() || noFile) {
            return prepareForm(model);
        }
        try {
            SubmissionService.Outcome outcome = service.submit(currentAccount.require(), form,
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), file.getBytes());
            if (!outcome.accepted()) {
                model.addAttribute("report", outcome.report());
                return prepareForm(model);
            }
            return "redirect:/submissions/" + outcome.submission().getId() + "?submitted";
        } catch (SubmissionRefusedException refused) {
            model.addAttribute("refusal", refused);
            return prepareForm(model);
        }
    }

    private String prepareForm(Model model) {
        Account account = currentAccount.require();
        rounds.current().ifPresent(round -> {
            model.addAttribute("round", round);
            model.addAttribute("roundOpen", round.isOpenAt(rounds.now()));
            model.addAttribute("roundUpcoming", rounds.now().isBefore(round.getOpensAt()));
            model.addAttribute("quota", rounds.quota(round, account));
        });
        model.addAttribute("causes", Cause.values());
        return "submissions/submit";
    }

    @GetMapping("/submissions")
    String mine(Model model) {
        model.addAttribute("submissions", details.mine(currentAccount.require()));
        return "submissions/list";
    }

    @GetMapping("/submissions/{id}")
    String one(@PathVariable long id, Model model) {
        SubmissionDetails.View view = visible(id);
        model.addAttribute("view", view);
        model.addAttribute("s", view.submission());
        model.addAttribute("results", results.results(id, view.ladders()));
        java.util.List<ScoringResults.Progress> progress = progress(results, view);
        model.addAttribute("progress", progress);
        model.addAttribute("eta", ScoringResults.submissionEtaWords(progress));
        CurvePages.Shown shown = curves.of(id, view.submission().getTaskType(), view.labels()::name, view.ladders());
        model.addAttribute("curves", shown.curves());
        model.addAttribute("generality", shown.generality());
        model.addAttribute("partCurves", shown.partCurves());
        model.addAttribute("curvesBeingComputed", shown.beingComputed());
        model.addAttribute("sweep", shown.sweep());
        // the held-out ladders among those this viewer sees (judges and organizers), marked on their curves
        model.addAttribute("heldOutLadders", view.ladders().hidesAny() ? java.util.Set.of()
                : rounds.privateLadders(view.submission().getRound().getId()));
        boolean hasOptions = !view.submission().getTaskType().equals("sequence_prob");
        model.addAttribute("flips", hasOptions ? flips.flips(id, view.labels()::name, view.ladders()) : java.util.List.of());
        return "submissions/detail";
    }

    /** Polled by the submission page while scoring runs. */
    @GetMapping(path = "/submissions/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable long id) {
        SubmissionDetails.View view = visible(id);
        java.util.List<ScoringResults.Progress> jobs = progress(results, view);
        return Map.of("status", view.submission().getStatus().name(), "active", view.submission().getStatus().isActive(),
                "jobs", jobs, "eta", ScoringResults.submissionEtaWords(jobs));
    }

    /** Each job's progress as this viewer may see it: part names, and private ladders' jobs as one line. */
    static java.util.List<ScoringResults.Progress> progress(ScoringResults results, SubmissionDetails.View view) {
        PartLabels labels = view.labels();
        return results.progress(view.submission().getId(), view.ladders()).stream().map(p -> p.withError(labels.scrub(p.error()))).toList();
    }

    @GetMapping(path = "/submissions/{id}/scores.jsonl")
    ResponseEntity<StreamingResponseBody> scores(@PathVariable long id) {
        SubmissionDetails.View view = visible(id);
        PartLabels labels = view.labels();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"submission-" + id + "-scores.jsonl\"")
                .body(out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    results.writeScores(id, labels::name, view.ladders(), writer);
                    writer.flush();
                });
    }

    @PostMapping("/submissions/{id}/cancel")
    String cancel(@PathVariable long id) {
        SubmissionDetails.View view = visible(id);
        Account me = currentAccount.require();
        if (!view.cancellable()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        control.cancel(id, me);
        return "redirect:/submissions/" + id;
    }

    private SubmissionDetails.View visible(long id) {
        return details.find(id, currentAccount.require()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
