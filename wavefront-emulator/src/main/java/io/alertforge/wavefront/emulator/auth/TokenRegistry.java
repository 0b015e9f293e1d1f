package io.alertforge.wavefront.emulator.auth;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens the emulator accepts, each with the account it acts as and its permissions.
 * Thread-safe. Tokens are secrets: this class never puts one in a string it returns or an exception
 * it throws.
 */
public final class TokenRegistry {
  /** The account of tokens added without one. */
  public static final String DEFAULT_ACCOUNT = "sa::wavefront-emulator";

  /** What a token resolves to. */
  public record Principal(String account, Set<Permission> permissions) {
    public Principal {
      permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public boolean has(Permission p) {
      return permissions.contains(p);
    }
  }

  private final Map<String, Principal> tokens = new ConcurrentHashMap<>();
  private volatile Map<String, Principal> initial = Map.of();

  /** Adds (or replaces) a token with full permissions and the default account. */
  public TokenRegistry add(String token) {
    return add(token, DEFAULT_ACCOUNT, Permission.full());
  }

  public TokenRegistry add(String token, Set<Permission> permissions) {
    return add(token, DEFAULT_ACCOUNT, permissions);
  }

  public TokenRegistry add(String token, String account, Set<Permission> permissions) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("token must not be empty");
    }
    tokens.put(token, new Principal(account, permissions));
    return this;
  }

  /** Revokes a token: later requests with it get 401. Returns false when it was not known. */
  public boolean revoke(String token) {
    return tokens.remove(token) != null;
  }

  /** The principal of a token, if it is known. */
  public Optional<Principal> lookup(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(tokens.get(token));
  }

  public int size() {
    return tokens.size();
  }

  /** The accounts and permissions of the known tokens (never the tokens themselves). */
  public List<Principal> principals() {
    return List.copyOf(tokens.values());
  }

  /** Remembers the current tokens as the ones {@link #reset()} goes back to. */
  public void snapshotAsInitial() {
    initial = Map.copyOf(new LinkedHashMap<>(tokens));
  }

  /** Back to the tokens the emulator was configured with. */
  public void reset() {
    tokens.clear();
    tokens.putAll(initial);
  }
}
