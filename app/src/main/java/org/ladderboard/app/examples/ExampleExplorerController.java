package org.ladderboard.app.examples;

import java.util.List;

import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.submission.SubmissionDetails;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every example of a submission with each model's outputs, for whoever may see the submission (its author, judges,
 * organizers); judges see part labels instead of file names.
 */
@Controller
class ExampleExplorerController {

    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;
    private final ExampleExplorer explorer;

    ExampleExplorerController(SubmissionDetails details, CurrentAccount currentAccount, ExampleExplorer explorer) {
        this.details = details;
        this.currentAccount = currentAccount;
        this.explorer = explorer;
    }

    @GetMapping("/submissions/{id}/examples")
    String explore(@PathVariable long id, @RequestParam(required = false) String ladder,
                   @RequestParam(required = false) String q, @RequestParam(required = false) Integer part,
                   @RequestParam(defaultValue = "all") String filter, @RequestParam(defaultValue = "1") int page,
                   @RequestParam(defaultValue = "50") int size, Model model) {
        SubmissionDetails.View view = details.find(id, currentAccount.require())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> ladders = explorer.ladders(id, view.ladders());
        String shownLadder = ladder != null && ladders.contains(ladder) ? ladder : ladders.isEmpty() ? null : ladders.get(0);
        List<String> parts = view.labels().partNames();
        Integer shownPart = part != null && part >= 1 && part <= parts.size() ? part : null;
        ExampleExplorer.Filter shownFilter = ExampleExplorer.Filter.fromId(filter);
        ExampleExplorer.Page shown = explorer.search(id,
                new ExampleExplorer.Query(shownLadder, q, shownPart, shownFilter, page, size), view.labels()::name,
                view.ladders());
        model.addAttribute("s", view.submission());
        model.addAttribute("ladders", ladders);
        model.addAttribute("ladder", shownLadder);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("parts", parts);
        model.addAttribute("part", shownPart);
        model.addAttribute("filters", ExampleExplorer.Filter.values());
        model.addAttribute("filter", shownFilter);
        model.addAttribute("page", shown);
        return "examples/explorer";
    }
}
