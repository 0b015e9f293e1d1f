package io.alertforge.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class whose output is its result (an opt-in benchmark's measurements): {@link
 * FailedTestOutput} prints what its tests printed when each ends, passed or failed. Nothing that
 * runs in the default build prints on purpose, so no test there carries it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ShowsOutput {}
