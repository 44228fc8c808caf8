// A track's certificate: who passed which track, when, each module's score and
// the verification code (`cli certificate verify` checks it). Print gives a
// clean page; the desktop app saves it as a PDF where the user chooses.
import { ScreenTitle } from '../components/ScreenTitle';
import { printScreen } from '../lib/print';
import { downloadFile } from '../lib/download';
import { useStore } from '../store';

export function Certificate() {
  const certificate = useStore((s) => s.certificateOnShow);
  const shell = useStore((s) => s.info?.shell);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useStore((s) => s.navigate);
  if (!certificate)
    return (
      <>
        <ScreenTitle>Certificate</ScreenTitle>
        <p>No certificate to show.</p>
      </>
    );
  const print = () =>
    printScreen({
      shell,
      fileName: `certificate-${certificate.track.id}.pdf`,
      what: 'the certificate',
      pushToast,
    });
  return (
    <div className="certificate">
      <ScreenTitle>Certificate</ScreenTitle>
      <p className="certificate-lead">This certifies that</p>
      <p className="certificate-name">{certificate.learner.name}</p>
      <p className="certificate-lead">passed the First Meeting track</p>
      <p className="certificate-track">{certificate.track.title}</p>
      <p>
        on{' '}
        {new Date(`${certificate.date}T12:00:00`).toLocaleDateString(undefined, {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
        })}
      </p>
      <table className="board-table">
        <caption>Module scores</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col" className="num">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {certificate.modules.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.title}</th>
              <td className="num">{m.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Verification code <code className="certificate-code">{certificate.verificationCode}</code>
      </p>
      <div className="report-actions no-print">
        <button type="button" className="button button-primary" onClick={() => void print()}>
          Print
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            downloadFile({
              fileName: `certificate-${certificate.track.id}.json`,
              mimeType: 'application/json',
              content: `${JSON.stringify(certificate, null, 2)}\n`,
            })
          }
        >
          Save the certificate file
        </button>
        <button type="button" className="button" onClick={() => navigate('drills')}>
          Back to Drills
        </button>
      </div>
    </div>
  );
}
