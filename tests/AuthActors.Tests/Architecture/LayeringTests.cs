using System.Reflection;

namespace AuthActors.Tests.Architecture;

/// <summary>
/// DESIGN.md: arrows only point down the list of folders. Protocol, Actors, Credentials and
/// Configuration depend on no other AuthActors namespace (Diagnostics excepted, which all may use).
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly s_library = typeof(AuthActors.AssemblyMarker).Assembly;

    [Theory]
    [InlineData("AuthActors.Protocol")]
    [InlineData("AuthActors.Actors")]
    [InlineData("AuthActors.Credentials")]
    [InlineData("AuthActors.Configuration")]
    public void Namespace_DependsOnNoLaterLayer(string layer)
    {
        string[] allowed = [layer, "AuthActors.Diagnostics"];
        var offenders = new List<string>();
        foreach (Type type in s_library.GetTypes().Where(t => t.Namespace is not null && (t.Namespace == layer || t.Namespace.StartsWith(layer + ".", StringComparison.Ordinal))))
        {
            foreach (Type used in ReferencedTypes(type))
            {
                string ns = used.Namespace ?? "";
                if (ns.StartsWith("AuthActors", StringComparison.Ordinal) && ns != "AuthActors" && !allowed.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
                {
                    offenders.Add($"{type.FullName} uses {used.FullName}");
                }
            }
        }

        Assert.Empty(offenders.Distinct());
    }

    [Fact]
    public void Configuration_DependsOnNoAkka()
    {
        // DESIGN.md: the HOCON front end hands Akka text (AkkaConfigText), never Akka's types.
        string[] offenders = [.. s_library.GetTypes()
            .Where(t => t.Namespace is not null && t.Namespace.StartsWith("AuthActors.Configuration", StringComparison.Ordinal))
            .SelectMany(t => ReferencedTypes(t).Where(u => (u.Namespace ?? "").StartsWith("Akka", StringComparison.Ordinal)).Select(u => $"{t.FullName} uses {u.FullName}"))
            .Distinct()];

        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (Type i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (FieldInfo f in type.GetFields(All))
        {
            yield return f.FieldType;
        }

        foreach (MethodInfo m in type.GetMethods(All))
        {
            yield return m.ReturnType;
            foreach (ParameterInfo p in m.GetParameters())
            {
                yield return p.ParameterType;
            }

            MethodBody? body = m.GetMethodBody();
            if (body is not null)
            {
                foreach (LocalVariableInfo local in body.LocalVariables)
                {
                    yield return local.LocalType;
                }
            }
        }

        foreach (ConstructorInfo c in type.GetConstructors(All))
        {
            foreach (ParameterInfo p in c.GetParameters())
            {
                yield return p.ParameterType;
            }
        }
    }
}
