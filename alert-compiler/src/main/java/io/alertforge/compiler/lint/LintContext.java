package io.alertforge.compiler.lint;

import io.alertforge.compiler.load.LoadedRepository;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;

/**
 * What rules check: the loaded sources (with positions), the rendered alerts (with the origin of
 * each field), every text file of the repository, and the configuration.
 */
public record LintContext(
    LoadedRepository repository,
    List<RenderedAlert> alerts,
    List<RepositoryFile> files,
    LintConfig config) {}
