package io.alertforge.compiler.load;

import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.RepositoryConfig;
import io.alertforge.compiler.source.SourceText;
import java.util.List;
import java.util.Map;

/**
 * The alert documents of a repository, in file order, after schema validation.
 *
 * @param texts the decoded text of every YAML file that held a document, by path: the rule engine
 *     scans these for secrets and suppression comments without reading them again
 */
public record LoadedRepository(
    RepositoryConfig config,
    List<AlertSource> wavefrontAlerts,
    List<AlertSource> alertsConfigs,
    int files,
    Map<String, SourceText> texts) {}
