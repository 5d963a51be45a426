package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.ledger.http.Role;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a command is sent, who may send it, whether a bulk import may carry it, and how the API's
 * description presents it. The path's variables are fields of the command: the path fills them,
 * and a body that says otherwise is refused ({@code path-body-mismatch}).
 *
 * @param path       the path the command is POSTed to, e.g. {@code /customers/{customerId}/payments}
 * @param command    the record the body is read as
 * @param roles      the roles that may send it
 * @param importable whether {@code POST /imports} takes it too, under its simple name
 * @param tag        the group the API's description lists it in
 * @param summary    what it does, in a line of the API's description
 */
public record CommandRoute(String path, Class<? extends AccountCommand> command, Set<Role> roles, boolean importable,
                           String tag, String summary) {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** The command's fields the path gives, in the order the path names them. */
    public List<String> pathVariables() {
        return VARIABLE.matcher(path).results().map(variable -> variable.group(1)).toList();
    }

    /** Whether the command opens the account it is about: its path names no account yet, as {@code /customers}. */
    public boolean opensAccount() {
        return !pathVariables().contains("customerId");
    }
}
