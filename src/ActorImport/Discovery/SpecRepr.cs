using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary><c>repr(ModuleSpec)</c> as CPython 3.11 prints it. Stateless.</summary>
public static class SpecRepr
{
    public static string Of(ModuleSpec spec)
    {
        var args = new List<string> { $"name={PythonRepr.Str(spec.Name)}", $"loader={PythonRepr.Of(spec.Loader)}" };
        if (spec.Origin is not null)
        {
            args.Add($"origin={PythonRepr.Str(spec.Origin)}");
        }
        if (spec.SubmoduleSearchLocations is IList<string> locations)
        {
            args.Add($"submodule_search_locations={(locations is NamespacePath ns ? ns.Repr() : PythonRepr.List(locations))}");
        }
        return $"ModuleSpec({string.Join(", ", args)})";
    }
}
