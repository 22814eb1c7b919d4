import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import { Select } from '../../ui/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../shared/actions/dueDates';
import { isBackward, measureStages, nextStage, type MeasureStage, type PolicyMeasure } from '../../../shared/model/registers/measure';
import { unwrap } from '../../api/hetao';
import { useErrorText } from '../../api/useErrorText';
import { fromDay, toDay } from '../format';
import { policyMeasuresApi } from '../registerApi';

interface Values {
  to: MeasureStage;
  on: ReturnType<typeof toDay>;
  note: string;
}

/**
 * Moves a measure to another stage: the next one is offered first, dated today unless the user dates it
 * earlier; a move back asks why. Enter records the move, Esc cancels; a refusal keeps what was typed.
 */
export function StageMoveDialog({ measure, onClose, onMoved }: { measure: PolicyMeasure; onClose: () => void; onMoved: (measure: PolicyMeasure) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const to = Form.useWatch('to', form) ?? nextStage(measure.stage) ?? measure.stage;
  const back = isBackward(measure.stage, to);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const moved = await unwrap(
        policyMeasuresApi().changeStage({ id: measure.id, revision: measure.revision, move: { to: values.to, on: fromDay(values.on) ?? '', note: values.note ?? '' } }),
      );
      onMoved(moved);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('registers.policyMeasures.moveTitle')}
      okText={t('registers.policyMeasures.move')}
      cancelText={t('registers.common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ to: nextStage(measure.stage) ?? measure.stage, on: toDay(localToday(new Date())), note: '' }}
        onFinish={(values) => void submit(values)}
        // The dialog opens over the measure's drawer, which would otherwise take Esc for itself; an open
        // dropdown keeps its own Esc.
        onKeyDown={(event) => {
          if (event.key === 'Escape' && (event.target as HTMLElement).getAttribute('aria-expanded') !== 'true') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <Form.Item name="to" label={t('registers.policyMeasures.moveTo')}>
          <Select
            autoFocus
            options={measureStages.filter((s) => s !== measure.stage).map((s) => ({ value: s, label: t(`registers.policyMeasures.stage.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="on" label={t('registers.policyMeasures.moveOn')} rules={[{ required: true, message: t('validation.date') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={back ? t('registers.policyMeasures.moveNoteBack') : t('registers.policyMeasures.moveNote')}
          rules={back ? [{ required: true, whitespace: true, message: t('errors.measure.stageBackNeedsNote') }] : []}
        >
          <Input />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
