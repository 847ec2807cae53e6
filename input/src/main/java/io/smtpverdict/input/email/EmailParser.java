package io.smtpverdict.input.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.parser.ContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Streams one email through mime4j and keeps only what a bounce reader needs: headers, the text of text and
 * report parts (each cut at {@link #MAX_PART_BYTES}, all together at {@link #MAX_TOTAL_BYTES}), never an
 * attachment's bytes. Memory stays bounded whatever the size of the email.
 */
final class EmailParser {
    /** Most bytes of one part's decoded body kept. */
    static final int MAX_PART_BYTES = 256 * 1024;
    /** Most bytes of all parts of one email kept. */
    static final int MAX_TOTAL_BYTES = 2 * 1024 * 1024;
    /** Most header fields read per header. */
    static final int MAX_FIELDS = 2000;

    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(true)
            .build();

    private EmailParser() {
    }

    /**
     * Parses one email.
     *
     * @throws IOException when the stream cannot be read
     * @throws MimeException when mime4j gives up on the structure
     */
    static ParsedEmail parse(InputStream raw) throws IOException, MimeException {
        InputStream in = skipFromLine(raw);
        Collector c = new Collector();
        // mime4j's own descriptor builder: it parses only the Content-* fields the structure needs
        MimeStreamParser parser = new MimeStreamParser(CONFIG, c.monitor, null);
        parser.setContentDecoding(true);
        parser.setContentHandler(c);
        parser.parse(in);
        return new ParsedEmail(c.top == null ? List.of() : c.top, Optional.ofNullable(c.reportType), c.parts,
                c.nested, new ArrayList<>(c.warnings.keySet()), c.preamble == null ? "" : c.preamble);
    }

    /** The stream past an mbox From_ line, when the email starts with one (an email saved from a mailbox). */
    private static InputStream skipFromLine(InputStream raw) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw, 8192);
        in.mark(5);
        byte[] head = in.readNBytes(5);
        in.reset();
        if (head.length == 5 && new String(head, StandardCharsets.ISO_8859_1).equals("From ")) {
            int b;
            int n = 0;
            while ((b = in.read()) >= 0 && b != '\n' && ++n < 4096) {
                // the From_ line is not a header field
            }
        }
        return in;
    }

    /** Unfolds a header value and decodes its encoded words. */
    static String headerValue(String raw) {
        String unfolded = MimeUtil.unfold(raw == null ? "" : raw).strip();
        if (!unfolded.contains("=?")) {
            return unfolded;
        }
        try {
            return DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return unfolded;
        }
    }

    /** Decodes bytes in a charset, replacing what does not decode; unknown charsets fall back to UTF-8. */
    static String decode(byte[] bytes, int length, String charsetName, List<String> warnings) {
        Charset cs = charset(charsetName, warnings);
        if (cs.equals(StandardCharsets.US_ASCII)) {
            // 8-bit text labelled ASCII (or not labelled at all) is common; UTF-8 reads ASCII the same
            cs = StandardCharsets.UTF_8;
        }
        if (cs.equals(StandardCharsets.UTF_8)) {
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                return strict.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
        }
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer out = d.decode(ByteBuffer.wrap(bytes, 0, length));
            return out.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    private static Charset charset(String name, List<String> warnings) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            warnings.add("unknown charset '" + name + "': read as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    /** Receives mime4j's events. */
    private static final class Collector implements ContentHandler {
        final Map<String, Boolean> warnings = new LinkedHashMap<>();
        final DecodeMonitor monitor = new DecodeMonitor() {
            @Override
            public boolean warn(String message, String dummy) {
                if (warnings.size() < 20) {
                    warnings.put(message, Boolean.TRUE);
                }
                return false;
            }

            @Override
            public boolean isListening() {
                return true;
            }
        };
        final List<Part> parts = new ArrayList<>();
        final List<ParsedEmail.Nested> nested = new ArrayList<>();
        List<Header> top;
        String reportType;
        int depth;
        int kept;
        boolean messageHeaderNext;
        List<Header> current;
        List<Header> partHeaders = List.of();
        final Deque<Boolean> headerIsMessage = new ArrayDeque<>();

        @Override
        public void startMessage() {
            depth++;
            messageHeaderNext = true;
        }

        @Override
        public void endMessage() {
            depth--;
        }

        @Override
        public void startBodyPart() {
            messageHeaderNext = false;
        }

        @Override
        public void endBodyPart() {
        }

        @Override
        public void startHeader() {
            current = new ArrayList<>();
            headerIsMessage.push(messageHeaderNext);
            messageHeaderNext = false;
        }

        @Override
        public void field(Field field) {
            if (current.size() < MAX_FIELDS) {
                current.add(new Header(field.getName(), headerValue(field.getBody())));
            }
        }

        @Override
        public void endHeader() {
            boolean message = headerIsMessage.isEmpty() ? false : headerIsMessage.pop();
            if (message && top == null && depth == 1) {
                top = current;
            } else if (message) {
                nested.add(new ParsedEmail.Nested(depth - 1, current));
            }
            partHeaders = current;
        }

        String preamble;

        @Override
        public void preamble(InputStream is) throws IOException {
            if (preamble != null || depth != 1) {
                return;
            }
            byte[] b = is.readNBytes(MAX_PART_BYTES);
            preamble = decode(b, b.length, "UTF-8", new ArrayList<>());
            kept += b.length;
        }

        @Override
        public void epilogue(InputStream is) {
        }

        @Override
        public void startMultipart(BodyDescriptor bd) {
            if (reportType == null && bd.getMimeType().equalsIgnoreCase("multipart/report")) {
                String t = parameters(partHeaders).get("report-type");
                reportType = t == null ? "" : t.toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public void endMultipart() {
        }

        @Override
        public void body(BodyDescriptor bd, InputStream is) throws IOException {
            String type = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
            List<Header> headers = partHeaders;
            Map<String, String> params = parameters(headers);
            partHeaders = List.of();
            if (!keeps(type) || kept >= MAX_TOTAL_BYTES) {
                if (keeps(type)) {
                    warnings.put("parts beyond " + (MAX_TOTAL_BYTES >> 20) + " MB of text were not read", true);
                }
                parts.add(new Part(depth - 1, type, params, headers, "", false));
                return;
            }
            int limit = Math.min(MAX_PART_BYTES, MAX_TOTAL_BYTES - kept);
            ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.min(limit, 8192));
            byte[] chunk = new byte[8192];
            boolean cut = false;
            int n;
            while ((n = is.read(chunk)) > 0) {
                int room = limit - buf.size();
                if (n > room) {
                    buf.write(chunk, 0, Math.max(room, 0));
                    cut = true;
                    break;
                }
                buf.write(chunk, 0, n);
            }
            if (cut) {
                warnings.put("a " + type + " part was cut at " + (limit >> 10) + " KB", true);
            }
            kept += buf.size();
            List<String> w = new ArrayList<>();
            String charset = bd.getCharset();
            if (type.startsWith("message/") && !type.equals("message/rfc822")) {
                charset = "UTF-8"; // delivery-status and feedback-report fields are ASCII, or UTF-8 (RFC 6533)
            }
            String text = decode(buf.toByteArray(), buf.size(), charset, w);
            w.forEach(x -> warnings.put(x, true));
            parts.add(new Part(depth - 1, type, params, headers, text, cut));
        }

        /** The parameters of the Content-Type field among these headers, names in lower case. */
        private static Map<String, String> parameters(List<Header> headers) {
            Optional<String> ct = Header.first(headers, "Content-Type");
            if (ct.isEmpty()) {
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (NameValuePair p : RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", ct.get()))
                    .getParams()) {
                if (p.getName() != null && p.getValue() != null) {
                    out.putIfAbsent(p.getName().toLowerCase(Locale.ROOT), p.getValue());
                }
            }
            return out;
        }

        private static boolean keeps(String type) {
            return type.startsWith("text/") || type.startsWith("message/");
        }

        @Override
        public void raw(InputStream is) {
        }
    }
}
