// Post-build check run by the smtp-verdict build (maven-invoker-plugin), not needed to build the plugin yourself:
// the jar must carry the services file and the table, and the discovery test must really have run on it.
import java.util.jar.JarFile

def jar = new File(basedir, 'target/acme-mta-verdict-plugin-1.0.0-SNAPSHOT.jar')
assert jar.isFile() : "no plugin jar at ${jar}"
new JarFile(jar).withCloseable { j ->
    def services = j.getEntry('META-INF/services/io.smtpverdict.spi.VerdictPlugin')
    assert services != null : 'the jar has no services file'
    assert j.getInputStream(services).text.trim() == 'com.example.acme.AcmePlugin'
    assert j.getEntry('com/example/acme/acme-rules.json') != null : 'the jar has no rule table under its package path'
}

def report = new File(basedir, 'target/failsafe-reports/TEST-com.example.acme.it.AcmeDiscoveryIT.xml')
assert report.isFile() : 'the discovery test did not run'
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report).documentElement
def count = { String name -> suite.getAttribute(name).toInteger() }
assert count('tests') >= 2 && count('failures') == 0 && count('errors') == 0 && count('skipped') == 0

// The verdict CLI of this build picks the plugin up when its jar is on the classpath (writing-a-plugin.md, 7.7).
def cli = new File(basedir, '../../../../cli/target/verdict.jar').canonicalFile
assert cli.isFile() : "no CLI jar at ${cli}: the docs module builds after cli"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def run = { List<String> args ->
    def p = ([java, '-cp', cli.path + File.pathSeparator + jar.path, 'io.smtpverdict.cli.VerdictCli'] + args)
            .execute()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "verdict ${args} failed: ${p.errorStream.text}"
    out
}
def plugins = run(['plugins'])
assert plugins.readLines().any { it.startsWith('acme ') } : "acme is not among the CLI's plugins:\n${plugins}"
def verdict = run(['classify', '--format', 'jsonl', 'acme: throttled by policy warmup-ip-pool-2'])
assert verdict.contains('"plugin":"acme"') : "the CLI did not decide an Acme message with the acme plugin:\n${verdict}"
return true
