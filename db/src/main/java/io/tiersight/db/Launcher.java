package io.tiersight.db;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community embedded with only the Bolt connector, for `tiersight db`, the bundled
 * database of the other commands, and the tests.
 *
 * <p>Usage: {@code Launcher --port P --data DIR [--pagecache SIZE] [--parent-pid PID]
 * [--setting NAME=VALUE]...} (a Neo4j setting, such as one that only tests want)
 *
 * <p>Protocol with the parent (src/db/bundled-neo4j.ts): stdout carries exactly one {@code READY
 * bolt://127.0.0.1:P <startup-ms>} line when Bolt accepts connections, and {@code STOPPED} after a
 * clean shutdown; every log goes to files under DIR/logs. Exit codes: 1 start-up failed, 2 bad
 * arguments, 3 port in use, 4 data directory locked by another Neo4j. The JVM stops when stdin
 * reaches EOF, so it must be started with a pipe the parent holds open (not /dev/null).
 */
public final class Launcher {
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_PORT_IN_USE = 3;
  static final int EXIT_STORE_LOCKED = 4;

  private static final String HOST = "127.0.0.1";
  private static final String DEFAULT_PAGECACHE = "256m";
  private static final long AVAILABLE_TIMEOUT_MS = 120_000;

  private static final Object lock = new Object();
  private static DatabaseManagementService service;
  private static OutputStream userLog;

  private Launcher() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      exit(EXIT_USAGE, e.getMessage()
          + "\nusage: Launcher --port P --data DIR [--pagecache SIZE] [--parent-pid PID]"
          + " [--setting NAME=VALUE]...");
      return;
    }

    // Watch the parent before the (slow) start, so a parent that dies meanwhile still takes us down.
    watchStdin();
    options.parentPid.ifPresent(Launcher::watchParent);
    Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "tiersight-shutdown"));

    // Neo4j's own bind error is buried in a lifecycle exception after seconds of start-up; checking
    // first gives a fast, clear answer. (Neo4j's BindException is still mapped below for the race.)
    if (!portIsFree(options.port)) {
      exit(EXIT_PORT_IN_USE, "port " + options.port + " on " + HOST + " is already in use");
    }

    // Same reasoning for the store lock: Neo4j would only find it after loading most of itself.
    if (storeIsLocked(options.data)) {
      exit(EXIT_STORE_LOCKED, "the data directory " + options.data
          + " is in use by another Neo4j process");
    }

    try {
      start(options);
    } catch (Throwable e) {
      // The store lock is the DBMS-wide data/databases/store_lock; Neo4j wraps its
      // org.neo4j.io.locker.FileLockException in a LifecycleException and a RuntimeException.
      if (anyCause(e, t -> t.getClass().getSimpleName().equals("FileLockException")
          || String.valueOf(t.getMessage()).contains("locked by another process"))) {
        exit(EXIT_STORE_LOCKED, "the data directory " + options.data
            + " is in use by another Neo4j process");
      }
      // Someone took the port between our check and Neo4j's bind.
      if (anyCause(e, t -> t instanceof BindException)) {
        exit(EXIT_PORT_IN_USE, "port " + options.port + " on " + HOST + " is already in use");
      }
      exit(EXIT_FAILED, "Neo4j failed to start: " + rootMessage(e)
          + " (see " + options.data.resolve("logs/debug.log") + ")");
    }

    long startupMs = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println("READY bolt://" + HOST + ":" + options.port + " " + startupMs);
    System.out.flush();
    // main returns; Neo4j's non-daemon threads keep the JVM alive until one of the stop triggers.
  }

  private static void start(Options options) throws IOException {
    Path logs = options.data.resolve("logs");
    Files.createDirectories(logs);
    javaLoggingToFile(logs);
    synchronized (lock) {
      userLog = new FileOutputStream(logs.resolve("neo4j.log").toFile(), true);
      DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(options.data);
      service = withSettings(planOnce(noShutdownQuietPeriod(builder), options), options)
          .setUserLogProvider(new Log4jLogProvider(userLog))
          .setConfig(GraphDatabaseSettings.logs_directory, logs)
          .setConfig(BoltConnector.enabled, true)
          // Loopback only: with auth off below, nothing off this machine may reach it.
          .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
          .setConfig(HttpConnector.enabled, false)
          // Auth is off on purpose: this database is embedded, listens on 127.0.0.1 only, and
          // serves development and tests. A shared or production setup uses its own Neo4j via
          // NEO4J_URI with credentials.
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, options.pagecache)
          // No usage reports from a dev tool (and the machines it runs on may have no internet).
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          // transaction_timeout is deliberately left unset: the app sets a timeout per transaction.
          .build();
    }
    GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    // build() returns once the DBMS is up; the default database may still be recovering.
    if (!db.isAvailable(AVAILABLE_TIMEOUT_MS)) {
      throw new IllegalStateException("the database was not available after "
          + AVAILABLE_TIMEOUT_MS / 1000 + " s");
    }
  }

  /**
   * Netty waits for a 5 s quiet period per Bolt server (two of them) before it stops; a dev/test
   * database has nothing in flight by then, and tests stop many of these JVMs. The setting holds
   * whole seconds in Neo4j 5.26 and 2025.x and a Duration in 2026.08, so zero goes in the setting's
   * own type: one launcher source builds against all three.
   */
  private static DatabaseManagementServiceBuilder noShutdownQuietPeriod(
      DatabaseManagementServiceBuilder builder) {
    return zero(builder, GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period);
  }

  @SuppressWarnings("unchecked")
  private static <T> DatabaseManagementServiceBuilder zero(
      DatabaseManagementServiceBuilder builder, Setting<T> setting) {
    Object zero = setting.defaultValue() instanceof Duration ? Duration.ZERO : Integer.valueOf(0);
    return builder.setConfig(setting, (T) zero);
  }

  /**
   * Lucene, inside Neo4j, logs through java.util.logging, whose default handler writes to stderr: on
   * Java 21+ a start printed INFO lines about memory-mapped index input and, once a text index was
   * used, a WARNING about the Vector API, which the parent shows as the database's output. The
   * protocol above keeps every log in DIR/logs, so they go to DIR/logs/jul.log.
   */
  private static void javaLoggingToFile(Path logs) throws IOException {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) root.removeHandler(handler);
    FileHandler file = new FileHandler(logs.resolve("jul.log").toString(), true);
    file.setFormatter(new SimpleFormatter());
    root.addHandler(file);
  }

  /** Runs from the shutdown hook, so SIGINT, SIGTERM and every System.exit end up here. */
  private static void shutdown() {
    synchronized (lock) {
      if (service == null) return;
      try {
        service.shutdown();
        System.out.println("STOPPED");
      } catch (Throwable e) {
        System.err.println("Neo4j did not shut down cleanly: " + rootMessage(e));
      } finally {
        service = null;
        try {
          userLog.close();
        } catch (IOException ignored) {
          // Nothing useful to do while the JVM is exiting.
        }
        System.out.flush();
      }
    }
  }

  /**
   * EOF on stdin means the parent closed its end of the pipe, which the kernel also does when the
   * parent dies, even by SIGKILL. This is what guarantees there is never an orphan JVM.
   */
  private static void watchStdin() {
    daemon("tiersight-stdin-watch", () -> {
      byte[] buffer = new byte[256];
      try {
        while (System.in.read(buffer) != -1) {
          // Content is ignored; only the end of the stream matters.
        }
      } catch (IOException ignored) {
        // A broken pipe means the same as EOF.
      }
      System.exit(0);
    });
  }

  /** Belt and braces for parents that hand their pipe to a grandchild which outlives them. */
  private static void watchParent(long pid) {
    daemon("tiersight-parent-watch", () -> {
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        try {
          TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
      System.exit(0);
    });
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Probes the DBMS lock file the way Neo4j's own locker takes it (FileChannel.tryLock, an OS lock
   * that dies with its process, so a crashed JVM leaves no stale lock behind).
   */
  private static boolean storeIsLocked(Path data) {
    Path lockFile = data.resolve("data/databases/store_lock");
    if (!Files.exists(lockFile)) return false;
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock fileLock = channel.tryLock()) {
      return fileLock == null;
    } catch (IOException e) {
      return false; // Unreadable or odd: let Neo4j's start-up report it.
    }
  }

  private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (test.test(t)) return true;
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }

  /**
   * One plan per statement, made once, unless a --setting says otherwise. By default Neo4j keys its
   * plan cache on each string parameter's length (in powers of ten), so a chain asked by an
   * organization whose id has 8 characters and then by one with 16 was planned twice: 1.5-4 s each
   * for a depth-10 walk on a warm JVM, a stall for whoever asked first (and more cold plans after a
   * restart). This API's statements look organizations up by id, where length says nothing about
   * selectivity. And by default a plan is made with interpreted expressions and made again, from
   * scratch and in a request's own time, on its tenth use (0.25-0.35 s for the chain on the 20k
   * bench store); with both set, the bench's one slow answer in 25 at reach ~1 (118-144 ms at 1M
   * organizations) went away. Planning with compiled expressions from the start cost no more on a
   * cold JVM (10.2 s against 10.1 s for the depth-10 chain) and runs as fast.
   */
  private static DatabaseManagementServiceBuilder planOnce(
      DatabaseManagementServiceBuilder builder, Options options) {
    if (!options.settings.containsKey(GraphDatabaseInternalSettings.cypher_size_hint_parameters.name()))
      builder.setConfig(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false);
    if (!options.settings.containsKey(
        GraphDatabaseInternalSettings.cypher_expression_recompilation_limit.name()))
      builder.setConfig(GraphDatabaseInternalSettings.cypher_expression_recompilation_limit, 0);
    return builder;
  }

  /**
   * The --setting values, through a properties file: the builder takes raw settings only from a file.
   * Neo4j validates their names and values and refuses to start on a bad one.
   */
  private static DatabaseManagementServiceBuilder withSettings(
      DatabaseManagementServiceBuilder builder, Options options) throws IOException {
    if (options.settings.isEmpty()) return builder;
    StringBuilder text = new StringBuilder();
    options.settings.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    Path file = options.data.resolve("launcher-settings.conf");
    Files.writeString(file, text);
    builder.loadPropertiesFromFile(file);
    return builder;
  }

  /** Prints one line to stderr and exits; the shutdown hook stops Neo4j if it got that far. */
  private static void exit(int code, String message) {
    System.err.println(message);
    System.err.flush();
    System.exit(code);
  }

  private record Options(
      int port, Path data, long pagecache, Optional<Long> parentPid, Map<String, String> settings) {
    static Options parse(String[] args) {
      Integer port = null;
      Path data = null;
      String pagecache = DEFAULT_PAGECACHE;
      Long parentPid = null;
      Map<String, String> settings = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value");
        String value = args[++i];
        switch (name) {
          case "--port" -> port = parseNumber(name, value, 1, 65535).intValue();
          case "--data" -> data = Path.of(value).toAbsolutePath().normalize();
          case "--pagecache" -> pagecache = value;
          case "--parent-pid" -> parentPid = parseNumber(name, value, 1, Long.MAX_VALUE);
          case "--setting" -> {
            int equals = value.indexOf('=');
            if (equals < 1) {
              throw new IllegalArgumentException("--setting must be NAME=VALUE, got '" + value + "'");
            }
            settings.put(value.substring(0, equals), value.substring(equals + 1));
          }
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (port == null) throw new IllegalArgumentException("--port is required");
      if (data == null) throw new IllegalArgumentException("--data is required");
      long pagecacheBytes;
      try {
        pagecacheBytes = SettingValueParsers.BYTES.parse(pagecache);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("--pagecache must be a size such as 512m or 1g, got '"
            + pagecache + "'");
      }
      return new Options(port, data, pagecacheBytes, Optional.ofNullable(parentPid), settings);
    }

    private static Long parseNumber(String name, String value, long min, long max) {
      try {
        long n = Long.parseLong(value);
        if (n >= min && n <= max) return n;
      } catch (NumberFormatException ignored) {
        // Reported below with the allowed range.
      }
      throw new IllegalArgumentException(name + " must be a whole number from " + min + " to "
          + max + ", got '" + value + "'");
    }
  }
}
