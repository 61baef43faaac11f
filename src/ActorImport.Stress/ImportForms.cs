namespace ActorImport.Stress;

/// <summary>
/// The statement forms a core module imports an earlier module with. Which forms are safe
/// depends on the shape: with cycles the target may be partial, so only forms that need no
/// attribute bound after its imports (<c>V</c>, <c>f</c>) are written. Stateless.
/// </summary>
internal static class ImportForms
{
    /// <summary><c>import t</c> / <c>from . import leaf</c>: needs nothing of the target.</summary>
    public const int Plain = 0;

    /// <summary><c>from t import V{j}</c>: needs the target complete.</summary>
    public const int FromValue = 1;

    /// <summary><c>from t import f{j}</c> or <c>from parent import leaf</c>: needs the target complete.</summary>
    public const int FromFunction = 2;

    /// <summary><c>from t import E{j}</c>: bound before the target's first import, so valid even of a partial module.</summary>
    public const int FromEarly = 3;

    /// <summary><c>from t import *</c> with <c>__all__ = ['E{j}']</c>: valid even of a partial module.</summary>
    public const int Star = 4;

    public static int Pick(UniverseShape shape, Random random)
    {
        int[] forms = shape.CycleEvery > 0 ? [Plain, FromEarly] : [Plain, FromValue, FromFunction, FromEarly];
        int form = forms[random.Next(forms.Length)];
        return shape.StarImports && random.Next(4) == 0 ? Star : form;
    }

    /// <summary>One import of <paramref name="target"/> (core index <paramref name="j"/>) from <paramref name="importer"/>; relative when it is a sibling.</summary>
    public static string Of(ModulePlan importer, string target, int j, int form)
    {
        bool targetIsPackage = !target.Contains('.');
        if (!importer.IsPackage && target == importer.Package && form is FromEarly or Star)
        {
            // The importer's own package: relative, by name or by star.
            return form == Star ? "from . import *" : $"from . import E{j}";
        }
        bool sibling = !targetIsPackage && !importer.IsPackage && ModulePlan.Parent(target) == importer.Package;
        if (sibling)
        {
            string leaf = ModulePlan.Leaf(target);
            return form switch
            {
                Plain => $"from . import {leaf}",
                FromEarly => $"from .{leaf} import E{j}",
                Star => $"from .{leaf} import *",
                _ => $"from .{leaf} import V{j}",
            };
        }
        return form switch
        {
            Plain => $"import {target}",
            FromValue => $"from {target} import V{j}",
            FromEarly => $"from {target} import E{j}",
            Star => $"from {target} import *",
            _ => targetIsPackage ? $"from {target} import f{j}" : $"from {ModulePlan.Parent(target)} import {ModulePlan.Leaf(target)}",
        };
    }
}
