import { View, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { SEARCH_MAX_LENGTH } from '@/domain/search'
import './index.scss'

type Props = { placeholder: string; onSearch(keyword: string): void; testId?: string }

/**
 * The search box at the top of a list: searches when the keyboard's 搜索 or the button is tapped,
 * and shows everything again when cleared. A plain input (not NutUI's SearchBar): it sits on a tab
 * page, in the main package, which must stay small.
 */
export function SearchBox({ placeholder, onSearch, testId }: Props) {
  const [text, setText] = useState('')
  const search = (value: string) => onSearch(value.trim())
  return (
    <View className='search-box' data-testid={testId} role='search'>
      <View className='search-box__field'>
        <Input
          className='search-box__input'
          type='text'
          confirmType='search'
          value={text}
          placeholder={placeholder}
          maxlength={SEARCH_MAX_LENGTH}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => search(e.detail.value)}
        />
        {text && (
          <View
            className='search-box__clear'
            role='button'
            aria-label='清除搜索'
            onClick={() => {
              setText('')
              search('')
            }}
          >
            ×
          </View>
        )}
      </View>
      <Button type='primary' className='search-box__button' onClick={() => search(text)}>
        搜索
      </Button>
    </View>
  )
}
