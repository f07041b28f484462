package org.ladderboard.app.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organizers' audit page: the latest decisions, newest first. */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/organizer/audit")
    String auditLog(Model model) {
        model.addAttribute("events", audit.latest(500));
        return "audit/log";
    }
}
