package io.alertforge.compiler.lint;

import io.alertforge.compiler.load.LoadedRepository;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.model.TemplateUses;
import java.util.List;

/**
 * What rules check: the loaded sources (with positions), the rendered alerts (with the origin of
 * each field), the params the templates use, every text file of the repository, and the
 * configuration.
 */
public record LintContext(
    LoadedRepository repository,
    List<RenderedAlert> alerts,
    TemplateUses templateUses,
    List<RepositoryFile> files,
    LintConfig config) {}
