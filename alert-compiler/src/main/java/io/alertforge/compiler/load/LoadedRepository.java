package io.alertforge.compiler.load;

import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.RepositoryConfig;
import java.util.List;

/** The alert documents of a repository, in file order, after schema validation. */
public record LoadedRepository(
    RepositoryConfig config,
    List<AlertSource> wavefrontAlerts,
    List<AlertSource> alertsConfigs,
    int files) {}
