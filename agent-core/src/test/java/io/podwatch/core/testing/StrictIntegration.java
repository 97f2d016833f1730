package io.podwatch.core.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * With {@code PODWATCH_IT_STRICT=true} (CI), an integration test ({@code *IT}) that would skip
 * fails instead, whatever made it skip: a {@code Host.assume} for a missing part, or a plain
 * JUnit assumption like the one that let {@code AusearchCompareIT} skip silently. Registered for
 * every test class through {@code META-INF/services} and JUnit's extension auto-detection
 * ({@code junit-platform.properties} of each module's tests).
 */
public final class StrictIntegration implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        handleTestExecutionException(context, thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        handleTestExecutionException(context, thrown);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof TestAbortedException && strict()
                && context.getRequiredTestClass().getSimpleName().endsWith("IT")) {
            throw new AssertionError("integration test skipped in strict mode (PODWATCH_IT_STRICT=true): "
                    + thrown.getMessage(), thrown);
        }
        throw thrown;
    }

    static boolean strict() {
        return "true".equals(System.getenv("PODWATCH_IT_STRICT"));
    }
}
