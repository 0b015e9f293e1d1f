package io.alertforge.compiler.diff;

import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/** The source files whose content differs between two trees, compared by Git blob id. */
public final class ChangedFiles {

  private ChangedFiles() {}

  public static Set<String> between(SourceTree base, SourceTree head) throws IOException {
    Set<String> all = new TreeSet<>(base.yamlFiles(new Diagnostics()));
    Set<String> headFiles = new TreeSet<>(head.yamlFiles(new Diagnostics()));
    all.addAll(headFiles);
    for (SourceTree tree : new SourceTree[] {base, head}) {
      if (tree.isFile(RepositoryScanner.CONFIG_FILE)) {
        all.add(RepositoryScanner.CONFIG_FILE);
      }
    }
    Set<String> changed = new TreeSet<>();
    for (String file : all) {
      String a = base.isFile(file) ? base.contentId(file) : null;
      String b = head.isFile(file) ? head.contentId(file) : null;
      if (a == null || !a.equals(b)) {
        changed.add(file);
      }
    }
    return changed;
  }
}
