using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Botcadence.ReferenceServer.Forms;

/// <summary>The field types, their parsing from request bodies and the validation of submitted values.</summary>
internal static partial class FormFields
{
    public const string Text = "text";
    public const string Email = "email";
    public const string Textarea = "textarea";
    public const string Number = "number";
    public const string Select = "select";
    public const string Checkbox = "checkbox";

    public static IReadOnlyList<string> Types { get; } = [Text, Email, Textarea, Number, Select, Checkbox];

    /// <summary>Parses a <c>fields</c> array; <paramref name="path"/> is its own path (e.g. <c>fields</c>, <c>tasks[0].fields</c>).</summary>
    public static IReadOnlyList<FormField> Parse(JsonNode? node, string path)
    {
        var array = Fields.Array(node, path);
        if (array.Count > 200)
        {
            throw Fields.Invalid(path, $"'{path}' may hold at most 200 fields.");
        }

        var fields = new List<FormField>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var obj = Fields.Object(array[i], itemPath);
            var name = Fields.TryGet(obj, "name", out var n) ? Fields.String(n, itemPath + ".name", 1, 100) : throw Fields.Required(itemPath + ".name");
            if (!NamePattern().IsMatch(name))
            {
                throw Fields.Invalid(itemPath + ".name", $"'{itemPath}.name' must start with a letter and hold only letters, digits, '_' and '-'.");
            }

            if (fields.Any(f => f.Name == name))
            {
                throw Fields.Invalid(itemPath + ".name", $"'{itemPath}.name' repeats the field name '{name}'.");
            }

            var type = Fields.TryGet(obj, "type", out var t) ? Fields.OneOf(t, itemPath + ".type", Types) : throw Fields.Required(itemPath + ".type");
            var label = Fields.TryGet(obj, "label", out var l) ? Fields.NullableString(l, itemPath + ".label", 200) : null;
            var required = Fields.TryGet(obj, "required", out var r) && r is not null ? Fields.Boolean(r, itemPath + ".required") : false;

            List<string>? options = null;
            if (Fields.TryGet(obj, "options", out var o) && o is not null)
            {
                var optionArray = Fields.Array(o, itemPath + ".options");
                options = [];
                for (var j = 0; j < optionArray.Count; j++)
                {
                    options.Add(Fields.String(optionArray[j], $"{itemPath}.options[{j}]", 1, 200));
                }
            }

            if (type == Select && (options is null || options.Count == 0))
            {
                throw Fields.Invalid(itemPath + ".options", $"'{itemPath}.options' must list at least one option for a select field.");
            }

            if (type != Select && options is not null)
            {
                throw Fields.Invalid(itemPath + ".options", $"'{itemPath}.options' is only allowed on select fields.");
            }

            fields.Add(new FormField(name, type, label, required, options));
        }

        return fields;
    }

    /// <summary>
    /// Validates <paramref name="data"/> against <paramref name="fields"/>: required fields present, values of the right type,
    /// e-mail addresses well-formed, select values among the options, no unknown names. Errors name <c>{prefix}.{field}</c>.
    /// </summary>
    public static void Validate(IReadOnlyList<FormField> fields, JsonObject data, string prefix, bool requireAll = true)
    {
        foreach (var (name, _) in data)
        {
            if (!fields.Any(f => f.Name == name))
            {
                throw Fields.Invalid($"{prefix}.{name}", $"'{prefix}.{name}' is not a field of this form.");
            }
        }

        foreach (var field in fields)
        {
            var path = $"{prefix}.{field.Name}";
            data.TryGetPropertyValue(field.Name, out var value);
            if (value is null || (value is JsonValue sv && sv.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(sv.GetValue<string>())))
            {
                if (field.Required && requireAll)
                {
                    throw value is null ? Fields.Required(path) : Fields.Invalid(path, $"'{path}' is required and must not be blank.");
                }

                continue;
            }

            ValidateValue(field, value, path);
        }
    }

    public static void ValidateValue(FormField field, JsonNode value, string path)
    {
        var kind = value.GetValueKind();
        switch (field.Type)
        {
            case Text or Textarea:
                if (kind != JsonValueKind.String)
                {
                    throw Fields.WrongType(path, $"'{path}' must be a string.");
                }

                if (value.GetValue<string>().Length > (field.Type == Text ? 1_000 : 100_000))
                {
                    throw Fields.Invalid(path, $"'{path}' is too long.");
                }

                break;
            case Email:
                if (kind != JsonValueKind.String)
                {
                    throw Fields.WrongType(path, $"'{path}' must be a string holding an e-mail address.");
                }

                if (!EmailPattern().IsMatch(value.GetValue<string>()))
                {
                    throw Fields.Invalid(path, $"'{path}' must be an e-mail address.");
                }

                break;
            case Number:
                if (kind != JsonValueKind.Number)
                {
                    throw Fields.WrongType(path, $"'{path}' must be a number.");
                }

                break;
            case Checkbox:
                if (kind is not JsonValueKind.True and not JsonValueKind.False)
                {
                    throw Fields.WrongType(path, $"'{path}' must be a boolean.");
                }

                break;
            case Select:
                if (kind != JsonValueKind.String)
                {
                    throw Fields.WrongType(path, $"'{path}' must be a string, one of: {string.Join(", ", field.Options ?? [])}.");
                }

                if (!(field.Options ?? []).Contains(value.GetValue<string>()))
                {
                    throw Fields.Invalid(path, $"'{path}' must be one of: {string.Join(", ", field.Options ?? [])}.");
                }

                break;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
