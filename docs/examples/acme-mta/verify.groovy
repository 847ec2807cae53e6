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
return true
