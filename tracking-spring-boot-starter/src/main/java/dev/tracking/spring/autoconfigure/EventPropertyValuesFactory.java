package dev.tracking.spring.autoconfigure;

import dev.tracking.spring.aop.EventPropertyValues;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The property value conversion of the annotations: records and POJOs become JSON objects through the
 * application's {@code JsonMapper} bean (asked for at the first conversion, so that no application bean is
 * created early), or Jackson's shared mapper when the application has none; without Jackson, records only.
 */
final class EventPropertyValuesFactory {

    private EventPropertyValuesFactory() {
    }

    static EventPropertyValues create(ConfigurableBeanFactory beanFactory) {
        boolean jackson = ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
                beanFactory.getBeanClassLoader());
        return new EventPropertyValues(jackson ? Jackson.objects(beanFactory) : null);
    }

    /** Kept apart so that nothing touches Jackson's classes when Jackson is absent. */
    private static final class Jackson {

        @SuppressWarnings("unchecked")
        static Function<Object, Map<String, Object>> objects(BeanFactory beanFactory) {
            SingletonSupplier<JsonMapper> mapper = SingletonSupplier.of(
                    () -> beanFactory.getBeanProvider(JsonMapper.class).getIfUnique(JsonMapper::shared));
            return value -> mapper.obtain().convertValue(value, Map.class);
        }
    }
}
