-- The addresses each account last signed in from (issue 12 item 6): a name that has succeeded from an address is not
-- held back by that address's delays, so one person's (or an attacker's) failures from a shared address (an office
-- behind NAT, a proxy) do not keep everyone else behind it out. Per-name delays still apply to it.
CREATE TABLE login_successes (
    username     TEXT        NOT NULL,
    client_ip    TEXT        NOT NULL,
    succeeded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, client_ip)
);
CREATE INDEX login_successes_at_idx ON login_successes (succeeded_at);
