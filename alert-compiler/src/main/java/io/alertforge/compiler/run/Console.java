package io.alertforge.compiler.run;

/**
 * Where a run's messages go: the Maven log in the plugin, the terminal in the command line. The
 * levels are the Maven log's; a front end may print them alike.
 */
public interface Console {

  void info(String line);

  void warn(String line);

  void error(String line);

  /**
   * A line for the CI runner itself on standard output, as it is (GitHub workflow commands): never
   * prefixed with a level.
   */
  void output(String line);
}
