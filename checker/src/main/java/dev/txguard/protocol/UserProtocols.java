package dev.txguard.protocol;

import dev.txguard.graph.StatusTest;
import dev.txguard.graph.Tri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protocols a user describes in a file, one format for every front end (Error Prone flag, CLI, Maven plugin). See
 * {@code docs/configuration.md}:
 *
 * <pre>
 * # a comment
 * [acme]                                  # a protocol id
 * api = Acme UnitOfWork                   # display name (default: the id)
 * type = com.acme.UnitOfWork              # the handle type (required)
 * begin = start                           # methods of the handle that begin on it
 * begin-returning = com.acme.Db.open      # methods of another type that begin and return a handle
 * end = finish, abort                     # methods of the handle that end it
 * active = isRunning                      # no-arg queries, true while active
 * inactive = isDone                       # no-arg queries, true once ended
 * rollback = abort                        # the method a suggested fix calls (default: the last end method)
 * begin-again-is-error = true             # beginning while active is a finding (default false)
 * acquire = com.acme.Pool.borrow          # Type.method entries whose result the caller acquired
 *
 * [hand-off]
 * methods = release, dispose              # methods that take a handle and end it
 *
 * [acquire]
 * methods = com.acme.Db.connect           # the same as a protocol's acquire key, for any API
 * </pre>
 */
public final class UserProtocols {
  public static final UserProtocols EMPTY = new UserProtocols(List.of(), Set.of(), List.of());

  private static final Set<String> KEYS = Set.of("api", "type", "begin", "begin-returning", "end", "active", "inactive",
      "rollback", "begin-again-is-error", "acquire");

  /** The reserved sections and their one key. */
  private static final Map<String, String> RESERVED = Map.of("hand-off", "methods", "acquire", "methods");

  private final List<CallPattern> patterns;
  private final Set<String> handOffMethods;
  private final List<Factories.Factory> factories;

  private UserProtocols(List<CallPattern> patterns, Set<String> handOffMethods, List<Factories.Factory> factories) {
    this.patterns = List.copyOf(patterns);
    this.handOffMethods = Set.copyOf(handOffMethods);
    this.factories = List.copyOf(factories);
  }

  List<CallPattern> patterns() {
    return patterns;
  }

  public Set<String> handOffMethods() {
    return handOffMethods;
  }

  /** The file's {@code acquire} entries: methods whose result is an object the calling method acquired. */
  List<Factories.Factory> factories() {
    return factories;
  }

  public boolean isEmpty() {
    return patterns.isEmpty() && handOffMethods.isEmpty() && factories.isEmpty();
  }

  public static UserProtocols load(Path file) throws ProtocolFileException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProtocolFileException(file.toString(), 0, "cannot read the protocol file: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  public static UserProtocols parse(String fileName, String text) throws ProtocolFileException {
    Map<String, Section> sections = new LinkedHashMap<>();
    Section current = null;
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw new ProtocolFileException(fileName, lineNo, "a section header looks like [name], found '" + line + "'");
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (sections.containsKey(name)) {
          throw new ProtocolFileException(fileName, lineNo, "section [" + name + "] appears twice");
        }
        current = new Section(name, lineNo);
        sections.put(name, current);
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new ProtocolFileException(fileName, lineNo, "expected 'key = value', found '" + line + "'");
      }
      if (current == null) {
        throw new ProtocolFileException(fileName, lineNo, "'" + line + "' comes before any [section]");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      String reservedKey = RESERVED.get(current.name);
      if (reservedKey != null ? !key.equals(reservedKey) : !KEYS.contains(key)) {
        throw new ProtocolFileException(fileName, lineNo, "unknown key '" + key + "' in [" + current.name + "]; known keys: "
            + (reservedKey != null ? reservedKey : String.join(", ", KEYS.stream().sorted().toList())));
      }
      if (current.values.put(key, value) != null) {
        throw new ProtocolFileException(fileName, lineNo, "key '" + key + "' appears twice in [" + current.name + "]");
      }
      current.lines.put(key, lineNo);
    }

    List<CallPattern> patterns = new ArrayList<>();
    Set<String> handOffMethods = new LinkedHashSet<>();
    List<Factories.Factory> factories = new ArrayList<>();
    for (Section s : sections.values()) {
      if (s.name.equals("hand-off")) {
        handOffMethods.addAll(list(s.values.get("methods")));
        continue;
      }
      String acquireKey = s.name.equals("acquire") ? "methods" : "acquire";
      for (String qualified : list(s.values.get(acquireKey))) {
        String[] typeAndMethod = typeAndMethod(qualified, fileName, s.lines.get(acquireKey), acquireKey.equals("methods")
            ? "[acquire] methods" : "acquire");
        factories.add(new Factories.Factory(List.of(typeAndMethod[0]), List.of(typeAndMethod[1])));
      }
      if (!s.name.equals("acquire")) {
        patterns.addAll(s.toPatterns(fileName));
      }
    }
    return new UserProtocols(patterns, handOffMethods, factories);
  }

  /** A {@code qualified.Type.method} entry split at its last dot; {@code what} names the key in the error. */
  private static String[] typeAndMethod(String qualified, String file, int line, String what)
      throws ProtocolFileException {
    int dot = qualified.lastIndexOf('.');
    if (dot <= 0 || dot == qualified.length() - 1) {
      throw new ProtocolFileException(file, line,
          what + " takes Type.method (qualified type name, a dot, the method), found '" + qualified + "'");
    }
    return new String[] {qualified.substring(0, dot), qualified.substring(dot + 1)};
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (String part : value.split(",", -1)) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static final class Section {
    final String name;
    final int line;
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, Integer> lines = new LinkedHashMap<>();

    Section(String name, int line) {
      this.name = name;
      this.line = line;
    }

    List<CallPattern> toPatterns(String file) throws ProtocolFileException {
      String type = values.get("type");
      if (type == null || type.isEmpty()) {
        throw new ProtocolFileException(file, line, "protocol [" + name + "] needs 'type = <the handle's qualified type name>'");
      }
      List<String> begin = list(values.get("begin"));
      List<String> beginReturning = list(values.get("begin-returning"));
      List<String> end = list(values.get("end"));
      if (begin.isEmpty() && beginReturning.isEmpty()) {
        throw new ProtocolFileException(file, line, "protocol [" + name + "] needs 'begin' or 'begin-returning'");
      }
      if (end.isEmpty()) {
        throw new ProtocolFileException(file, line, "protocol [" + name + "] needs 'end'");
      }
      String againText = values.getOrDefault("begin-again-is-error", "false");
      if (!againText.equals("true") && !againText.equals("false")) {
        throw new ProtocolFileException(file, lines.get("begin-again-is-error"), "begin-again-is-error is true or false");
      }
      String rollback = values.getOrDefault("rollback", end.get(end.size() - 1));
      Protocol p = new Protocol(name, values.getOrDefault("api", name), Boolean.parseBoolean(againText),
          "{handle}." + rollback + "()", Map.of());
      List<String> handle = List.of(type);
      List<CallPattern> out = new ArrayList<>();
      for (String m : begin) {
        out.add(pattern(p, handle, m, Role.BEGIN_ON_RECEIVER, null));
      }
      for (String qualified : beginReturning) {
        String[] tm = typeAndMethod(qualified, file, lines.get("begin-returning"), "begin-returning");
        out.add(pattern(p, List.of(tm[0]), tm[1], Role.BEGIN_RETURNING, null));
      }
      for (String m : end) {
        out.add(pattern(p, handle, m, Role.END_RECEIVER, null));
      }
      for (String m : list(values.get("active"))) {
        out.add(pattern(p, handle, m, Role.QUERY, StatusTest.ACTIVE));
      }
      for (String m : list(values.get("inactive"))) {
        out.add(pattern(p, handle, m, Role.QUERY,
            new StatusTest("is over", Tri.FALSE, Tri.FALSE, Tri.UNKNOWN, Tri.TRUE)));
      }
      return out;
    }

    private static CallPattern pattern(Protocol p, List<String> types, String method, Role role, StatusTest test) {
      return new CallPattern(p, types, method, -1, role, test, false, CallPattern.Arguments.IGNORED);
    }
  }
}
