package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tracking.contract.LotusContract;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test, checks every request the WireMock server playing Lotus received against
 * {@code lotus-openapi.yaml}, and with {@link #requestsAndAnswers} also every successful answer its stubs gave.
 * Register it after the server's extension.
 */
final class LotusContractCheck implements AfterEachCallback {

    /** The spec, loaded once: loading it is slow. */
    private static final class Spec {
        static final LotusContract CONTRACT = LotusContract.load();
    }

    private final WireMockExtension server;
    private final boolean answersToo;

    private LotusContractCheck(WireMockExtension server, boolean answersToo) {
        this.server = server;
        this.answersToo = answersToo;
    }

    /** Checks the requests only (for tests whose stubs answer with deliberately odd bodies). */
    static LotusContractCheck requests(WireMockExtension server) {
        return new LotusContractCheck(server, false);
    }

    /** Checks the requests and the successful answers. */
    static LotusContractCheck requestsAndAnswers(WireMockExtension server) {
        return new LotusContractCheck(server, true);
    }

    /** Checks the requests received so far, at once. */
    void assertRequestsValid() {
        Spec.CONTRACT.assertAllValid(server.getAllServeEvents());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertRequestsValid();
        if (answersToo) {
            Spec.CONTRACT.assertSuccessfulAnswersValid(server.getAllServeEvents());
        }
    }
}
