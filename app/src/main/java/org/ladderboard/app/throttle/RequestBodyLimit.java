package org.ladderboard.app.throttle;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Bounds how many requests may be sending their body at once, per client address and in all. A server thread waits
 * on a request body for as long as the client takes to send it, so 200 uploads dribbling a byte every 2 s would
 * hold every thread and no page would answer. A request past either bound is answered at once (429 for the
 * address, 503 for the whole server, with {@code Retry-After}), and its connection is closed without reading the
 * rest of its body: reading it would hold a thread just the same. Requests without a body (every page view) are
 * never counted. Runs in Tomcat before any filter, so nothing reads the body first.
 */
public class RequestBodyLimit extends ValveBase {

    private final int perAddress;
    private final int inAll;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final AtomicInteger openInAll = new AtomicInteger();

    public RequestBodyLimit(int perAddress, int inAll) {
        super(true);
        this.perAddress = perAddress;
        this.inAll = inAll;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!hasBody(request)) {
            getNext().invoke(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        AtomicInteger forAddress = open.compute(address, (a, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            c.incrementAndGet();
            return c;
        });
        int total = openInAll.incrementAndGet();
        try {
            if (forAddress.get() > perAddress) {
                refuse(request, response, 429, "too many uploads from your address at once (at most " + perAddress
                        + "): wait for one to finish");
            } else if (total > inAll) {
                refuse(request, response, 503, "the server is receiving as many uploads as it takes at once: try again shortly");
            } else {
                getNext().invoke(request, response);
            }
        } finally {
            openInAll.decrementAndGet();
            open.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
        }
    }

    private static boolean hasBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static void refuse(Request request, Response response, int status, String message) throws IOException {
        // close after answering instead of reading (swallowing) the rest of a body that may never end
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        response.setStatus(status);
        response.setHeader("Retry-After", "10");
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + message + "\"}");
        response.finishResponse();
        // the answer is written: no error page (its dispatch would try to read the body that is not being read)
        response.setErrorReported();
    }
}
