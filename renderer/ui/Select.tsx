import { Select as AntSelect, type SelectProps } from 'antd';
import type { BaseOptionType, DefaultOptionType } from 'antd/es/select';

/**
 * antd's Select without its closing animation; the only Select the app uses (eslint says so).
 * antd answers Escape through one window-wide stack of open popups (@rc-component/portal), and a
 * list playing its close animation stays on top of that stack for about 0.2 s: an Escape pressed
 * just after choosing from the list was taken by the closing list, and the drawer or dialog around
 * it stayed open. Without the animation the list leaves the stack as it closes.
 */
export function Select<V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(props: SelectProps<V, O>) {
  return <AntSelect<V, O> transitionName="" {...props} />;
}
