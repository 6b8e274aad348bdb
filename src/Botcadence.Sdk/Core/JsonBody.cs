using System.Buffers;
using System.Text.Json;

namespace Botcadence.Sdk;

/// <summary>Reads a response body into a pooled buffer and finds the resource inside any envelope.</summary>
internal static class JsonBody
{
    private static ReadOnlySpan<byte> DataProperty => "data"u8;
    private static ReadOnlySpan<byte> IdProperty => "id"u8;

    /// <summary>A body rented from the shared pool; dispose to return it.</summary>
    internal readonly struct Buffer : IDisposable
    {
        private readonly byte[] _array;

        public Buffer(byte[] array, int length)
        {
            _array = array;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
    }

    public static async Task<Buffer> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var expected = content.Headers.ContentLength;
        var size = expected is > 0 and < 16 * 1024 * 1024 ? (int)expected.Value + 1 : 16 * 1024;
        var array = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == array.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(array.Length * 2);
                        array.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(array);
                        array = bigger;
                    }

                    var read = await stream.ReadAsync(array.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            return new Buffer(array, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }

    /// <summary>
    /// A single resource comes bare (<c>{"id": …}</c>) or wrapped (<c>{"data": {…}}</c>, <c>{"success": true, "data": {…}}</c>).
    /// Returns the span holding the resource. Throws <see cref="JsonException"/> for malformed JSON (malformed JSON after
    /// a top-level <c>id</c> is left to the deserializer, which throws the same).
    /// </summary>
    public static ReadOnlySpan<byte> UnwrapResource(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return json;
        }

        int dataStart = -1, dataEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(IdProperty))
            {
                // A bare resource (its id at the top): nothing to unwrap, and no need to read the rest twice (the
                // deserializer reads it). The service writes "id" first, so this is one token for every bare resource.
                return json;
            }

            var isData = reader.ValueTextEquals(DataProperty);
            reader.Read();
            if (isData && reader.TokenType == JsonTokenType.StartObject)
            {
                dataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                dataEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Skip();
            }
        }

        return dataStart >= 0 ? json[dataStart..dataEnd] : json;
    }
}
