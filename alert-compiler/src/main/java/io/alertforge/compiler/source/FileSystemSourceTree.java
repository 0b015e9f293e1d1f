package io.alertforge.compiler.source;

import io.alertforge.compiler.diagnostic.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An alert repository in a directory, as it is on disk now (a working tree). */
public final class FileSystemSourceTree implements SourceTree {

  private final Path root;
  private final Path output;

  public FileSystemSourceTree(Path root) {
    this(root, null);
  }

  /** The repository under {@code root} without the output directory {@code output} in it. */
  public FileSystemSourceTree(Path root, Path output) {
    this.root = root;
    this.output = output;
  }

  public Path root() {
    return root;
  }

  @Override
  public String description() {
    return root.toString();
  }

  @Override
  public List<String> yamlFiles(Diagnostics diagnostics) throws IOException {
    return RepositoryScanner.yamlFiles(root, output, diagnostics);
  }

  @Override
  public List<String> allFiles() throws IOException {
    return RepositoryScanner.allFiles(root, output);
  }

  @Override
  public boolean isFile(String path) {
    return Files.isRegularFile(root.resolve(path));
  }

  @Override
  public byte[] read(String path) throws IOException {
    return Files.readAllBytes(root.resolve(path));
  }
}
