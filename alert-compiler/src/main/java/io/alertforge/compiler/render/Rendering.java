package io.alertforge.compiler.render;

import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.model.TemplateUses;
import java.util.List;

/**
 * What rendering a repository gives: the rendered alerts, in render order (standalone alerts, then
 * each AlertsConfig's instances), and the params its templates use, for the rules after it.
 */
public record Rendering(List<RenderedAlert> alerts, TemplateUses templateUses) {}
