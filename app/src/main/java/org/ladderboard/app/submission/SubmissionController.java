package org.ladderboard.app.submission;

import java.io.IOException;

import jakarta.validation.Valid;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.round.RoundService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@Controller
class SubmissionController {

    private final SubmissionService service;
    private final SubmissionDetails details;
    private final RoundService rounds;
    private final CurrentAccount currentAccount;

    SubmissionController(SubmissionService service, SubmissionDetails details, RoundService rounds,
                         CurrentAccount currentAccount) {
        this.service = service;
        this.details = details;
        this.rounds = rounds;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/submit")
    String form(Model model) {
        model.addAttribute("form", new SubmissionForm());
        return prepareForm(model);
    }

    @PostMapping("/submit")
    String submit(@Valid @ModelAttribute("form") SubmissionForm form, BindingResult fields,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "choose the dataset file to upload");
        }
        if (fields.hasErrors() || file == null || file.isEmpty()) {
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
        SubmissionDetails.View view = details.find(id, currentAccount.require())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", view);
        model.addAttribute("s", view.submission());
        return "submissions/detail";
    }
}
