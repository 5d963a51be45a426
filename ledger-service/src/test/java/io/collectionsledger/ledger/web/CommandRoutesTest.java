package io.collectionsledger.ledger.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.ledger.http.Role;
import io.collectionsledger.ledger.security.EndpointPolicy;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table every command endpoint, security rule, import type and API operation is made from. */
class CommandRoutesTest {

    /** Only the close of day sends CloseBusinessDay; every other command of the published language is sent over HTTP. */
    @Test
    void everyCommandOfThePublishedLanguageHasARouteButTheCloseOfDays() {
        List<Class<?>> commands = new ClassFileImporter().importPackages("io.collectionsledger.contracts").stream()
                .filter(type -> type.isAssignableTo(AccountCommand.class) && !type.isInterface())
                .<Class<?>>map(JavaClass::reflect)
                .toList();
        List<Class<?>> routed = CommandRoutes.ALL.stream().<Class<?>>map(CommandRoute::command).toList();

        assertThat(commands).hasSizeGreaterThan(25);
        assertThat(commands.stream().filter(command -> command != CloseBusinessDay.class && !routed.contains(command)).toList())
                .as("commands no line of CommandRoutes sends").isEmpty();
        assertThat(routed).doesNotContain(CloseBusinessDay.class).doesNotHaveDuplicates();
    }

    @Test
    void eachRouteLetsInTheRolesEndpointSecurityItExpects() {
        for (CommandRoute route : CommandRoutes.ALL) {
            assertThat(route.roles().stream().map(Role::name).collect(Collectors.toSet()))
                    .as("POST %s", route.path())
                    .isEqualTo(EndpointPolicy.rolesFor("POST", route.path()));
        }
    }

    @Test
    void thePathOfARouteFillsFieldsOfItsCommand() {
        for (CommandRoute route : CommandRoutes.ALL) {
            List<String> fields = Arrays.stream(route.command().getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(fields).as(route.path()).containsAll(route.pathVariables());
        }
    }

    @Test
    void eachRouteHasAPathOfItsOwn() {
        assertThat(CommandRoutes.ALL.stream().map(CommandRoute::path)).doesNotHaveDuplicates();
    }

    @Test
    void anImportTakesTheImportableCommandsByTheirSimpleNameAndNoOther() {
        assertThat(CommandRoutes.importable("RecordPayment").command()).isEqualTo(RecordPayment.class);
        assertThatThrownBy(() -> CommandRoutes.importable("FileLawsuit")).isInstanceOfSatisfying(InvalidValue.class,
                invalid -> assertThat(invalid.field()).isEqualTo("type"));
    }
}
