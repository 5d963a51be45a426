package io.collectionsledger.ledger.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A customer account under test: given facts, when a command, then facts or a refusal. */
abstract class AccountFixture {

    protected FixtureConfiguration<CustomerAccount> fixture;

    @BeforeEach
    void setUpFixture() {
        // 10:00 in Shanghai on Accounts.TODAY
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);
        fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(new BusinessCalendar(clock, ZoneId.of("Asia/Shanghai")));
        fixture.registerInjectableResource(CollectionPolicy.defaults());
        fixture.registerCommandHandlerInterceptor(ObservedRefusals.interceptor());
    }

    /**
     * The command was refused by this rule, as a client is told it (see {@link RuleViolation#of}).
     * Name the rule as {@code refusedBy(Rule.X)}: {@link RuleCoverageTest} looks for that to see
     * that every rule is named by a test.
     */
    static Matcher<Throwable> refusedBy(Rule rule) {
        return new CustomTypeSafeMatcher<>("refused by rule " + rule.code()) {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                return RuleViolation.of(failure).map(RuleViolation::rule).filter(rule::equals).isPresent();
            }
        };
    }
}
