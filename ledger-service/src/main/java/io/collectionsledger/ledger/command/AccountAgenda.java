package io.collectionsledger.ledger.command;

import io.collectionsledger.ledger.account.DueDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each account's first business day whose close would record anything ({@link DueDates}), kept in
 * {@code account_agenda}. The dispatcher writes it in the transaction that appends the account's
 * events, so it never disagrees with them; the close of a day reads in one statement which accounts
 * are due by then, instead of sending the command to every account.
 */
@Component
public class AccountAgenda {

    private final JdbcClient jdbc;

    AccountAgenda(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts due on or before the day, in the order of their ids, each with its first day due. */
    public List<Due> dueBy(LocalDate day) {
        return jdbc.sql("select account, next_day from account_agenda where next_day <= ? order by account")
                .param(day).query((row, n) -> new Due(row.getString(1), row.getObject(2, LocalDate.class))).list();
    }

    /** An account on the agenda and the first business day whose close would record anything on it. */
    public record Due(String account, LocalDate day) {
    }

    /**
     * Each account's first day due (empty: none until a new fact), in the caller's transaction, in one
     * statement. Most commands leave the day as it was: such a row is not rewritten, which spares
     * the command a new row version and its WAL.
     */
    void record(Map<String, Optional<LocalDate>> firstDaysDue) {
        if (firstDaysDue.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into account_agenda (account, next_day)
                        select a.account, a.next_day::date from unnest(?::text[], ?::text[]) as a(account, next_day)
                        on conflict (account) do update set next_day = excluded.next_day
                        where account_agenda.next_day is distinct from excluded.next_day""")
                .params(firstDaysDue.keySet().toArray(String[]::new),
                        firstDaysDue.values().stream().map(day -> day.map(LocalDate::toString).orElse(null)).toArray(String[]::new))
                .update();
    }
}
