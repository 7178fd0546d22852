import { CloseOutlined } from '@ant-design/icons';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A panel over the page, drawn with the browser's own modal `<dialog>`: the focus moves into it
 * and stays there, Esc and a tap beside it close it, the page behind is inert. `side` says where
 * it sits: a drawer from the left or the right edge (a phone), or a panel under the header's
 * right end (a wide screen). Its content is drawn only while it is open.
 */
export function Sheet({
  open,
  onClose,
  title,
  side,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  side: 'left' | 'right' | 'corner';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`sheet sheet-${side}`}
      aria-labelledby={titleId}
      onClose={onClose}
      // a tap on the backdrop lands on the dialog itself, outside its box
      onClick={(event) => {
        if (event.target === ref.current) ref.current.close();
      }}
    >
      {open ? (
        <div className="sheet-body">
          <div className="sheet-head">
            <h2 id={titleId}>{title}</h2>
            <button
              type="button"
              className="kh-btn kh-btn-text tap"
              aria-label={t('app.close')}
              onClick={() => ref.current?.close()}
            >
              <CloseOutlined />
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
