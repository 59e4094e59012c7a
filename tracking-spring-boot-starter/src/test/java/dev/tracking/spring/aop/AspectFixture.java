package dev.tracking.spring.aop;

import dev.tracking.Identity;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import dev.tracking.spring.identity.IdentityResolver;
import dev.tracking.testing.RecordingTracker;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Arrays;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.core.OrderComparator;

/** Builds proxies carrying the three aspects around a {@link RecordingTracker}, without a Spring context. */
class AspectFixture implements TrackingAspectListener {

    final RecordingTracker tracker = new RecordingTracker();
    final List<String> skipped = new CopyOnWriteArrayList<>();
    final List<AccessDecision> checked = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Identity current = Identity.empty();
    final TrackingAnnotations annotations;
    final AspectSupport support;
    private final IdentityResolver resolver = () -> current;

    AspectFixture() {
        this(true);
    }

    AspectFixture(boolean withResolver) {
        TrackingExpressionEvaluator evaluator = new TrackingExpressionEvaluator(null);
        annotations = new TrackingAnnotations(evaluator, () -> withResolver);
        support = new AspectSupport(() -> tracker, () -> withResolver ? resolver : null, annotations, evaluator,
                () -> List.of(this));
    }

    @Override
    public void onSkipped(Class<? extends Annotation> annotation, String reason) {
        skipped.add(annotation.getSimpleName() + ":" + reason);
    }

    @Override
    public void onAccessChecked(AccessDecision decision) {
        checked.add(decision);
    }

    /** A CGLIB proxy of {@code target} with every aspect in its default order. */
    <T> T proxy(T target) {
        return proxy(target, true);
    }

    /** A proxy of {@code target}: CGLIB when {@code classBased}, else a JDK proxy of its interfaces. */
    <T> T proxy(Object target, boolean classBased) {
        return proxy(target, classBased, new GateOnFeatureAspect(support, OnNoAnswer.DENY, 1000),
                new BillingStageAspect(support, 1100), new TrackEventAspect(support, 1200));
    }

    /**
     * A proxy of {@code target} with {@code aspects} nested by their order, lowest outermost, as the Spring
     * container nests them ({@link ProxyFactory} keeps advisors in the order they are added).
     */
    @SuppressWarnings("unchecked")
    <T> T proxy(Object target, boolean classBased, TrackingAdvisor... aspects) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(classBased);
        if (!classBased) {
            factory.setInterfaces(target.getClass().getInterfaces());
        }
        Arrays.stream(aspects).sorted(OrderComparator.INSTANCE).forEach(factory::addAdvisor);
        return (T) factory.getProxy();
    }
}
